import type { IncomingMessage } from "node:http";

export declare const CLIENT_ADDRESS_HEADER_ENV: "TRUCE_CLIENT_ADDRESS_HEADER";
export type Trust = (address: string, hop: number) => boolean;
export declare function newClientAddressHeader(): string;
export declare function compileTrust(setting: string | undefined): Trust;
export declare function prepareRequest(
  req: Pick<IncomingMessage, "headers" | "socket">,
  trust: Trust,
  headerName: string,
): string | undefined;
