// The little of dns2 (a dev dependency without types) that the check's test DNS server uses.
declare module "dns2" {
  import type { Socket } from "node:dgram";

  type Question = { name: string; type: number; class: number };
  type Answer = { name: string; type: number; class: number; ttl: number; [field: string]: unknown };
  class Packet {
    static TYPE: Record<"A" | "AAAA" | "MX" | "NS" | "SOA" | "TXT" | "ANY", number> & Record<string, number>;
    static Resource: Record<
      string,
      | {
          encode?: (record: Answer, writer: { write(value: number, bits: number): void }) => void;
        }
      | undefined
    >;
    static CLASS: Record<"IN", number>;
    static createResponseFromRequest(request: Packet): Packet;
    header: { id: number; rcode: number; aa: number; ra: number; z: number; tc: number };
    questions: Question[];
    answers: Answer[];
  }
  type UdpServer = Socket & { listen(port: number, address: string): Promise<void> };
  const dns2: {
    Packet: typeof Packet;
    createUDPServer(handler: (request: Packet, send: (response: Packet) => Promise<unknown>) => void): UdpServer;
  };
  export default dns2;
}
