/*
 * The act's identity from its rendering: the language (the OJ header's "EN", the consolidated
 * reference's "— EN —"), the work (from a CELEX number, else the title's kind and number) and
 * the date (a consolidated text's own, else the title's "of 27 April 2016", in any official language).
 */
import { textOf, type XmlElement, type XmlNode } from "../xml";
import { hasRole, type Role } from "./vocabulary";

export interface Identity {
  readonly language: string | null;
  readonly work: string | null;
  readonly date: string | null;
}

/**
 * Kinds of act as the Akoma Ntoso work URI names them, with the words that name each kind in the
 * titles of the official languages (lower case, separated by spaces).
 */
const ACT_KINDS: Readonly<Record<string, string>> = {
  regulation:
    "regulation règlement verordnung regolamento reglamento regulamento verordening forordning förordning asetus määrus regula " +
    "reglamentas rozporządzenie nařízení nariadenie uredba rendelet rendelete regulamentul регламент κανονισμός regolament rialachán",
  directive:
    "directive richtlinie direttiva directiva diretiva richtlijn direktiv direktiivi direktiiv direktīva direktyva dyrektywa " +
    "směrnice smernica direktiva irányelv irányelve директива οδηγία treoir",
  decision:
    "decision décision beschluss entscheidung decisione decisión decisão besluit afgørelse beslut päätös otsus lēmums sprendimas " +
    "decyzja rozhodnutí rozhodnutie sklep odluka határozat határozata decizia decizie решение απόφαση deċiżjoni cinneadh",
};

const KIND_BY_WORD = new Map<string, string>();
for (const [kind, words] of Object.entries(ACT_KINDS)) for (const word of words.split(" ")) KIND_BY_WORD.set(word, kind);

/** CELEX sector 3 (legislation) or 0 (consolidated texts), year, type letter, number: 32016R0679, 02016R0679. */
const CELEX = /\b[03](\d{4})([RLD])(\d{4})\b/;
const CELEX_KINDS: Readonly<Record<string, string>> = { R: "regulation", L: "directive", D: "decision" };

/**
 * Month names as titles print them ("of 27 April 2016", "vom 27. April 2016", "z dnia 27 kwietnia
 * 2016 r."), by language: twelve months separated by spaces, "|" between the forms of one month.
 * Per language, because one word can name different months in two languages (listopada: October
 * in Croatian, November in Polish). Irish September and October are two words, Meán Fómhair and
 * Deireadh Fómhair; their first word names the month.
 */
const MONTHS: Readonly<Record<string, string>> = {
  bg: "януари февруари март април май юни юли август септември октомври ноември декември",
  cs: "ledna|leden února|únor března|březen dubna|duben května|květen června|červen července|červenec srpna|srpen září října|říjen listopadu|listopad prosince|prosinec",
  da: "januar februar marts april maj juni juli august september oktober november december",
  de: "januar|jänner februar märz april mai juni juli august september oktober november dezember",
  el: "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου|μαίου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου",
  en: "january february march april may june july august september october november december",
  es: "enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre diciembre",
  et: "jaanuar|jaanuari veebruar|veebruari märts|märtsi aprill|aprilli mai juuni juuli august|augusti september|septembri oktoober|oktoobri november|novembri detsember|detsembri",
  fi: "tammikuuta|tammikuu helmikuuta|helmikuu maaliskuuta|maaliskuu huhtikuuta|huhtikuu toukokuuta|toukokuu kesäkuuta|kesäkuu heinäkuuta|heinäkuu elokuuta|elokuu syyskuuta|syyskuu lokakuuta|lokakuu marraskuuta|marraskuu joulukuuta|joulukuu",
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
  ga: "eanáir feabhra márta aibreán|aibreáin bealtaine meitheamh|meithimh iúil lúnasa meán deireadh samhain|samhna nollaig|nollag",
  hr: "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga|studenog prosinca",
  hu: "január február március április május június július augusztus szeptember október november december",
  it: "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
  lt: "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio",
  lv: "janvāris|janvāra februāris|februāra marts|marta aprīlis|aprīļa maijs|maija jūnijs|jūnija jūlijs|jūlija augusts|augusta septembris|septembra oktobris|oktobra novembris|novembra decembris|decembra",
  mt: "jannar frar marzu april mejju ġunju lulju awwissu settembru ottubru novembru diċembru",
  nl: "januari februari maart april mei juni juli augustus september oktober november december",
  pl: "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
  pt: "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
  ro: "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
  sk: "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
  sl: "januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra decembra",
  sv: "januari februari mars april maj juni juli augusti september oktober november december",
};

const monthIndexes = new Map<string, Map<string, number>>();

function monthsOf(language: string): Map<string, number> | null {
  const names = MONTHS[language];
  if (!names) return null;
  let index = monthIndexes.get(language);
  if (!index) {
    index = new Map();
    names.split(" ").forEach((forms, month) => forms.split("|").forEach((form) => index!.set(form, month + 1)));
    monthIndexes.set(language, index);
  }
  return index;
}

function findElement(nodes: readonly XmlNode[], role: Role): XmlElement | null {
  for (const node of nodes) {
    if (node.kind !== "element") continue;
    if (hasRole(node, role)) return node;
    const inner = findElement(node.children, role);
    if (inner) return inner;
  }
  return null;
}

function findLink(nodes: readonly XmlNode[], href: RegExp): string | null {
  for (const node of nodes) {
    if (node.kind !== "element") continue;
    if (href.test(node.attrs.href ?? "")) return node.attrs.href as string;
    const inner = findLink(node.children, href);
    if (inner) return inner;
  }
  return null;
}

function languageOf(html: XmlElement, headerLanguage: string, reference: string): string | null {
  const declared = html.attrs.lang ?? html.attrs["xml:lang"];
  if (declared) return declared.slice(0, 2).toLowerCase();
  if (/^[A-Z]{2}$/.test(headerLanguage)) return headerLanguage.toLowerCase();
  const match = /—\s*([A-Z]{2})\s*—/.exec(reference);
  return match ? (match[1] as string).toLowerCase() : null;
}

/** Number and year of an act, from "2016/679" (year first since 2015), "No 45/2001" or "95/46/EC". */
function yearAndNumber(first: string, second: string): { year: string; number: string } {
  if (first.length === 4) return { year: first, number: String(Number(second)) };
  if (second.length === 4) return { year: second, number: String(Number(first)) };
  const century = Number(first) >= 50 ? "19" : "20";
  return { year: `${century}${first.padStart(2, "0")}`, number: String(Number(second)) };
}

/** The work from the CELEX number of the reference line or of a link, else from the title's kind and number. */
function workOf(celex: RegExpExecArray | null, titleLines: readonly string[]): string | null {
  if (celex) {
    const [, year, type, number] = celex;
    return `/akn/eu/act/${CELEX_KINDS[type as string]}/${year}/${Number(number)}`;
  }
  for (const line of titleLines) {
    const kind = line
      .toLocaleLowerCase()
      .match(/\p{L}+/gu)
      ?.map((word) => KIND_BY_WORD.get(word))
      .find((k) => k !== undefined);
    const numbered = /(?<!\d)(\d{2,4})\/(\d{1,4})(?!\d)/.exec(line);
    if (kind && numbered) {
      const { year, number } = yearAndNumber(numbered[1] as string, numbered[2] as string);
      return `/akn/eu/act/${kind}/${year}/${number}`;
    }
  }
  return null;
}

/** The first title line that names a day, a month and a year, as an ISO date. */
function dateOf(titleLines: readonly string[], language: string | null): string | null {
  const months = language ? monthsOf(language) : null;
  if (!months) return null;
  for (const line of titleLines) {
    const month = line
      .toLocaleLowerCase()
      .match(/\p{L}+/gu)
      ?.map((word) => months.get(word))
      .find((m) => m !== undefined);
    const year = /(?<!\d)(\d{4})(?!\d)/.exec(line)?.[1];
    const day = /(?<![\d/])(\d{1,2})(?![\d/])/.exec(line)?.[1];
    if (month === undefined || !year || !day || Number(day) < 1 || Number(day) > 31) continue;
    return `${year}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}`;
  }
  return null;
}

/**
 * The act's identity. `html` is the root element, `frontMatter` what the rendering prints before
 * the act (the OJ page header; a consolidated text's reference line, "02016R0679 — EN —
 * 04.05.2016 — 000.002"), `titleLines` the act's title as read. The date is the expression's: a
 * consolidated text's own date, that of its last change; else the date of the act.
 */
export function identityOf(html: XmlElement, frontMatter: readonly XmlNode[], titleLines: readonly string[]): Identity {
  const header = findElement(frontMatter, "headerLanguage");
  const referenceLine = findElement(frontMatter, "consolidationReference");
  const reference = referenceLine ? textOf(referenceLine) : "";
  const language = languageOf(html, header ? textOf(header).trim() : "", reference);
  const link = findLink(frontMatter, CELEX);
  const consolidated = /—\s*(\d{2})\.(\d{2})\.(\d{4})\s*—/.exec(reference);
  return {
    language,
    work: workOf(CELEX.exec(reference) ?? (link ? CELEX.exec(link) : null), titleLines),
    date: consolidated ? `${consolidated[3]}-${consolidated[2]}-${consolidated[1]}` : dateOf(titleLines, language),
  };
}
