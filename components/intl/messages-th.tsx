"use client";
import messages from "@/messages/th.json";
import { IntlProvider } from "./provider";

export function ThaiMessages({ children }: { children: React.ReactNode }) {
  return <IntlProvider locale="th" messages={messages}>{children}</IntlProvider>;
}
