import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * A link to a page of Waypoint. Next's own Link fetches every page it links
 * to as soon as the link is on screen: with the navigation, a case's tabs and
 * a list's rows, one page view made the server render seven to twenty pages
 * nobody opened (each with its session check), and a phone on a weak
 * connection spent its data on them. Every page is dynamic and answered
 * fresh anyway, so Waypoint's links fetch a page when it is opened.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
