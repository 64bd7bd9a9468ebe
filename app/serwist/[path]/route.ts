// Serves the service worker built from app/sw.ts, at /serwist/sw.js. Its
// precache list is the public folder only (icons, the offline page); Next's
// own build files are kept as pages load them (app/sw.ts).
import { createSerwistRoute } from "@serwist/turbopack";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  globPatterns: ["public/**/*"],
  useNativeEsbuild: true,
});
