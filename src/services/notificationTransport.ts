import nodemailer from 'nodemailer';
import type { Logger } from '../logger.ts';

export interface OutgoingMessage {
  id: number;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
}

export interface NotificationTransport {
  send(message: OutgoingMessage): Promise<void>;
}

/** The default: one structured log line per message on stdout, for an SMS gateway or a log shipper to pick up. */
export function logTransport(write: (line: string) => void = (line) => process.stdout.write(line + '\n')): NotificationTransport {
  return {
    send: async (message) => {
      write(JSON.stringify({ type: 'notification', id: message.id, channel: message.channel, to: message.recipient, template: message.template, subject: message.subject, body: message.body }));
    },
  };
}

/** E-mail through SMTP when SMTP_URL is set; SMS still goes to the log line. */
export function smtpTransport(smtpUrl: string, from: string, fallback: NotificationTransport): NotificationTransport {
  const mailer = nodemailer.createTransport(smtpUrl);
  return {
    send: async (message) => {
      if (message.channel !== 'email') return fallback.send(message);
      await mailer.sendMail({ from, to: message.recipient, subject: message.subject ?? '', text: message.body });
    },
  };
}

export function transportFor(config: { smtpUrl?: string; mailFrom: string }, _logger?: Logger): NotificationTransport {
  const log = logTransport();
  return config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom, log) : log;
}
