"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription } from "./alert";
import { Button } from "./button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "./form";
import { Input } from "./input";
import { isNavigationSignal } from "./two-factor";

export type SignInErrorCode = "invalid_credentials" | "no_access" | "unknown";

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
  /** A server action: redirects when the password was right, else returns the error to show. */
  action: (values: {
    email: string;
    password: string;
    callbackUrl?: string;
  }) => Promise<{ error: SignInErrorCode } | null>;
  callbackUrl?: string;
  /** An error code carried in the URL (e.g. after next-auth redirected back). */
  initialError?: SignInErrorCode | null;
}

/** E-mail and password, validated in the browser before the server checks them. */
export function SignInForm({ labels, action, callbackUrl, initialError = null }: SignInFormProps) {
  const schema = z.object({
    email: z.string().trim().email(labels.invalidEmail),
    password: z.string().min(1, labels.missingPassword),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { email: "", password: "" },
  });
  const [error, setError] = useState<SignInErrorCode | null>(initialError);
  const [pending, startTransition] = useTransition();

  const onSubmit = form.handleSubmit((values) => {
    setError(null);
    startTransition(async () => {
      try {
        const result = await action({ ...values, callbackUrl });
        if (result) {
          setError(result.error);
          form.resetField("password");
          form.setFocus("password");
        }
      } catch (thrown) {
        // A redirect after a successful sign-in surfaces as a thrown navigation signal.
        if (isNavigationSignal(thrown)) throw thrown;
        setError("unknown");
      }
    });
  });

  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle as="h1">{labels.title}</CardTitle>
        <CardDescription>{labels.description}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
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
                    <Input type="email" autoComplete="username" autoFocus {...field} />
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
                    <Input type="password" autoComplete="current-password" {...field} />
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
