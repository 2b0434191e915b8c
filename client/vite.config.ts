// The browser app's build: client/ in, dist/client/ out, served by the server from one origin.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL("../dist/client", import.meta.url)),
    emptyOutDir: true,
    // One module script and one stylesheet: the content security policy allows no inline script.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { proxy: { "/api": "http://127.0.0.1:4321", "/socket.io": { target: "http://127.0.0.1:4321", ws: true } } },
});
