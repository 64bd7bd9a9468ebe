import type { AnchorHTMLAttributes } from "react";

/**
 * A link to a page of Waypoint: the browser's own link, which loads the page
 * it names. Every page is dynamic and answered fresh, so Next's Link, which
 * loads the same page through React's client router, saved nothing on the
 * wire; on the server it cost about 0.1 ms of CPU for each link drawn (its
 * client component rendered for the HTML and described again in React's
 * data), a tenth of a signed-in page with no data. It also fetched every page
 * it linked to as soon as the link was on screen, unless told not to.
 * Decision 014.
 */
export function Link({ href, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={href} {...props} />;
}
