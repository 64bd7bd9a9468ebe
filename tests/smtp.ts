// A real SMTP server inside the test (the smtp-server package): it receives
// what Waypoint sends and keeps each message, parsed, or refuses every
// message while `refusing` is set, as a mail server that is down would.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";

export type ReceivedMail = { to: string; subject: string; text: string; messageId: string };

/** `onMail`: also told of each message as it arrives (the multi-server test writes them to a file its journeys read). */
export async function startSmtpServer(options: { onMail?: (mail: ReceivedMail) => void } = {}) {
  const received: ReceivedMail[] = [];
  const state = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (state.refusing) {
            const error = Object.assign(new Error("451 4.3.0 Mail server temporarily unavailable"), { responseCode: 451 });
            return callback(error);
          }
          for (const to of session.envelope.rcptTo) {
            const one = { to: to.address, subject: mail.subject ?? "", text: mail.text ?? "", messageId: mail.messageId ?? "" };
            received.push(one);
            options.onMail?.(one);
          }
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    mailTo: (address: string) => received.filter((mail) => mail.to === address),
    refuse: (on: boolean) => {
      state.refusing = on;
    },
    /** A nodemailer transport to this server, as SMTP_URL would make. */
    transport: () => nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
