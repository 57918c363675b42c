import { type ParsedMail } from 'mailparser';
export interface Certificates {
    /** The test's own certificate authority; a client that is not given it does not trust the server. */
    ca: string;
    key: string;
    cert: string;
    /** Signed by the same authority for the same names, valid until yesterday. */
    expiredCert: string;
}
/** A CA and a leaf for localhost / 127.0.0.1 signed by it, plus an expired leaf; EC keys so it is quick. */
export declare function makeCertificates(): Certificates;
export interface ReceivedMail {
    /** MAIL FROM and RCPT TO as the server saw them: BCC recipients appear only here. */
    envelope: {
        from: string;
        to: string[];
    };
    /** Which authenticated user sent it. */
    user: string | undefined;
    /** Whether the session was encrypted when the message was sent. */
    secure: boolean;
    raw: Buffer;
    parsed: ParsedMail;
}
export interface SmtpServerOptions {
    certificates: Certificates;
    /** Serve the expired certificate instead of the valid one. */
    expired?: boolean;
    /** Implicit TLS (port 465 style) instead of STARTTLS. */
    implicitTls?: boolean;
    users?: Record<string, string>;
    port?: number;
}
export interface TestSmtpServer {
    port: number;
    received: ReceivedMail[];
    /** The next messages get these replies to DATA instead of 250, in order. */
    answerNext(...replies: {
        code: number;
        message: string;
    }[]): void;
    /** Resolves once `count` messages have arrived in total. */
    waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
    stop(): Promise<void>;
}
export declare function startSmtpServer(options: SmtpServerOptions): Promise<TestSmtpServer>;
