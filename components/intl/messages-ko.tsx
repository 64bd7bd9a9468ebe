"use client";
import messages from "@/messages/ko.json";
import { IntlProvider } from "./provider";

export function KoreanMessages({ children }: { children: React.ReactNode }) {
  return <IntlProvider locale="ko" messages={messages}>{children}</IntlProvider>;
}
