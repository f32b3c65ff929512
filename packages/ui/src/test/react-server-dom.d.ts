// The React Server Components client that Next.js bundles (and uses for the server actions
// it passes to client components); it ships without types.
declare module "next/dist/compiled/react-server-dom-webpack/client.node" {
  export function createServerReference<T>(
    id: string,
    callServer: (id: string, args: unknown[]) => Promise<unknown>,
  ): T;
}
