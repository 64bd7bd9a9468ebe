"use client";
import messages from "@/messages/vi.json";
import { IntlProvider } from "./provider";

export function VietnameseMessages({ children }: { children: React.ReactNode }) {
  return <IntlProvider locale="vi" messages={messages}>{children}</IntlProvider>;
}
