import type { ReactNode } from "react";
import { RootDocument } from "@truce/ui/root-document";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export { generateMetadata } from "@truce/ui/root-document";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <RootDocument>
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </RootDocument>
  );
}
