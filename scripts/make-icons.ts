// Draws the app's PNG icons (home screen, install prompt, iOS) from
// public/icons/waypoint.svg. Run by hand after changing the drawing:
// `npx tsx scripts/make-icons.ts`; the PNGs are committed. sharp comes with
// Next (it optimises images), so nothing is added to install for this.
import sharp from "sharp";

const SIZES = { "icon-192.png": 192, "icon-512.png": 512, "apple-touch-icon.png": 180 };

for (const [file, size] of Object.entries(SIZES)) {
  await sharp("public/icons/waypoint.svg").resize(size, size).png().toFile(`public/icons/${file}`);
  console.log(`public/icons/${file} ${size}×${size}`);
}
