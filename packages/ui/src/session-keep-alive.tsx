"use client";

import { useEffect } from "react";

const ACTIVITY = ["pointerdown", "keydown", "scroll", "focus"] as const;

/**
 * The idle timeout's other half. A session token expires SESSION_IDLE_SECONDS after it
 * was last renewed, and only a request to the session endpoint renews it (pages rendered
 * on the server cannot set cookies). So, while the person is actually using the page,
 * this asks for the session at most every `renewEverySeconds`; a page left alone is not
 * renewed and its session ends. When the answer says the session is over, it sends the
 * browser to sign in rather than let the next click fail.
 */
export function SessionKeepAlive({
  renewEverySeconds,
  sessionUrl = "/api/auth/session",
  signInUrl = "/sign-in",
}: {
  renewEverySeconds: number;
  sessionUrl?: string;
  signInUrl?: string;
}) {
  useEffect(() => {
    let last = Date.now();
    let inFlight = false;
    const renew = async () => {
      if (inFlight || Date.now() - last < renewEverySeconds * 1000) return;
      inFlight = true;
      last = Date.now();
      try {
        const res = await fetch(sessionUrl, { cache: "no-store", credentials: "same-origin" });
        const session = res.ok ? ((await res.json()) as { claims?: unknown } | null) : undefined;
        if (session !== undefined && !session?.claims) {
          const here = `${window.location.pathname}${window.location.search}`;
          window.location.assign(`${signInUrl}?callbackUrl=${encodeURIComponent(here)}`);
        }
      } catch {
        // offline for a moment: the next activity tries again
      } finally {
        inFlight = false;
      }
    };
    const onActivity = () => void renew();
    for (const event of ACTIVITY) window.addEventListener(event, onActivity, { passive: true });
    return () => {
      for (const event of ACTIVITY) window.removeEventListener(event, onActivity);
    };
  }, [renewEverySeconds, sessionUrl, signInUrl]);
  return null;
}
