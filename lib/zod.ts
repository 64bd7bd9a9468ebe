// The one way to import zod in Waypoint. Every page is served under a strict
// Content-Security-Policy without 'unsafe-eval'; zod otherwise probes for
// `new Function` as it builds each object schema (to compile a faster
// parser), and the browser reports that probe as a policy violation even
// though zod catches it. `jitless` skips the probe and the compiled parser,
// which forms of this size do not need. Importing from here guarantees the
// setting is made before any schema is built, in the browser and on the server.
import { z } from "zod";

z.config({ jitless: true });

export { z };
