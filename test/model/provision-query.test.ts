import { describe, expect, it } from "vitest";
import { provisionLabel } from "../../shared/model/provision-query";

describe("jumping to a provision by what people type", () => {
  it("reads abbreviations as citation labels", () => {
    expect(provisionLabel("Art 5")).toBe("Article 5");
    expect(provisionLabel("art. 5(2)(a)")).toBe("Article 5(2)(a)");
    expect(provisionLabel("Article 14a")).toBe("Article 14a");
    expect(provisionLabel("recital 12")).toBe("Recital 12");
    expect(provisionLabel("rec 5a")).toBe("Recital 5a");
    expect(provisionLabel("annex i")).toBe("Annex I");
    expect(provisionLabel("ch II")).toBe("Chapter II");
  });

  it("names nothing for words that are no provision", () => {
    expect(provisionLabel("human rights")).toBeNull();
    expect(provisionLabel("")).toBeNull();
  });
});
