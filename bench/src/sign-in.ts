import { DEMO_PASSWORD } from "@truce/db/seed";

/** Cookies as a browser keeps them for one site: name to value, the last Set-Cookie wins. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/**
 * Signs a demo user in to the web app through next-auth's own endpoints, as the sign-in
 * form does (the CSRF token, then the credentials callback), and returns the Cookie header a
 * browser would then send. The user must sign in with a password alone (police staff).
 */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: baseUrl }),
  });
  jar.take(callback);
  const session = await fetch(`${baseUrl}/api/auth/session`, {
    headers: { cookie: jar.header() },
  });
  jar.take(session);
  const body = (await session.json()) as { claims?: object } | null;
  if (!body?.claims) {
    throw new Error(
      `${email} could not sign in to ${baseUrl} (${callback.headers.get("location")})`,
    );
  }
  return jar.header();
}
