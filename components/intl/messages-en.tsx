"use client";
import messages from "@/messages/en.json";
import { IntlProvider } from "./provider";

export function EnglishMessages({ children }: { children: React.ReactNode }) {
  return <IntlProvider locale="en" messages={messages}>{children}</IntlProvider>;
}
