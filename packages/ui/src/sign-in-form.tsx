"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useState,
  type FormEvent,
} from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription } from "./alert";
import type { SignInError, SignInState } from "@truce/auth";
import { Button } from "./button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "./form";
import { Input } from "./input";
import { HiddenFields, useHydrated } from "./two-factor";

/** Why a password step failed, as the action says it (packages/auth next-actions.ts). */
export type SignInErrorCode = SignInError;

/** What the password step's action answers when it does not redirect. */
export type SignInFormState = SignInState;

export interface SignInFormLabels {
  title: string;
  description: string;
  email: string;
  password: string;
  submit: string;
  submitting: string;
  invalidEmail: string;
  missingPassword: string;
  errors: Record<SignInErrorCode, string>;
  /** Shown with the generic error, identical for every failure (wrong, unknown, locked). */
  lockoutHint: string;
}

export interface SignInFormProps {
  labels: SignInFormLabels;
  /**
   * A server action taking the form's fields (email, password, callbackUrl): redirects
   * when the password was right, else returns the error to show.
   */
  action: (state: SignInFormState, form: FormData) => Promise<SignInFormState>;
  callbackUrl: string;
  /** An error code carried in the URL (e.g. after next-auth redirected back). */
  initialError?: SignInErrorCode | null;
}

/**
 * E-mail and password, posted to a server action: as a plain POST before the page's
 * scripts run (never a GET, so the password never reaches a URL), and with scripts
 * validated in the browser first and sent without a page load.
 */
export function SignInForm({ labels, action, callbackUrl, initialError = null }: SignInFormProps) {
  const [initial] = useState<SignInFormState>(() =>
    initialError ? { error: initialError, email: "" } : null,
  );
  const [state, formAction, pending] = useActionState(action, initial);
  const hydrated = useHydrated();
  const schema = z.object({
    email: z.string().trim().email(labels.invalidEmail),
    password: z.string().min(1, labels.missingPassword),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    // rendered again without scripts after a failure, the address typed is kept
    defaultValues: { email: state?.email ?? "", password: "" },
  });
  const formRef = useRef<HTMLFormElement>(null);

  // After a failure the password goes, and the cursor is put back in its field.
  const { resetField, setFocus } = form;
  useEffect(() => {
    if (!state || state === initial) return;
    resetField("password");
    setFocus("password");
  }, [state, initial, resetField, setFocus]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      if (!formRef.current) return;
      const fields = new FormData(formRef.current);
      startTransition(() => formAction(fields));
    })(event);
  };

  const error = state?.error ?? null;
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle as="h1">{labels.title}</CardTitle>
        <CardDescription>{labels.description}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            ref={formRef}
            action={formAction}
            onSubmit={onSubmit}
            noValidate={hydrated}
            className="space-y-4"
            aria-busy={pending}
          >
            <HiddenFields values={{ callbackUrl }} />
            {error ? (
              <div className="space-y-2">
                <Alert variant="destructive" data-testid="sign-in-error">
                  <AlertDescription>{labels.errors[error]}</AlertDescription>
                </Alert>
                {error === "invalid_credentials" ? (
                  <p className="text-xs text-muted-foreground">{labels.lockoutHint}</p>
                ) : null}
              </div>
            ) : null}
            <FormField
              control={form.control}
              name="email"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{labels.email}</FormLabel>
                  <FormControl>
                    <Input type="email" autoComplete="username" autoFocus required {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="password"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{labels.password}</FormLabel>
                  <FormControl>
                    <Input type="password" autoComplete="current-password" required {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <Button type="submit" className="w-full" disabled={pending}>
              {pending ? labels.submitting : labels.submit}
            </Button>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}
