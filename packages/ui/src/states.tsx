import { type ComponentProps, type ReactNode } from "react";
import { RotateCw, TriangleAlert } from "lucide-react";

import { Button } from "./button";
import { cn } from "./lib/utils";
import { Spinner } from "./spinner";

type HeadingLevel = "h1" | "h2" | "h3";

export type EmptyStateProps = Omit<ComponentProps<"div">, "title"> & {
  /** A decorative icon, e.g. `<Inbox />` from lucide-react. */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** E.g. a "Register a person" button or link. */
  action?: ReactNode;
  titleAs?: HeadingLevel;
};

export function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Heading = "h2",
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6"
        >
          {icon}
        </div>
      ) : null}
      <Heading className="text-base font-semibold">{title}</Heading>
      {description ? <p className="max-w-md text-sm text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}

export type ErrorStateProps = Omit<ComponentProps<"div">, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** Shows a retry button when given together with `retryLabel` (e.g. an error boundary's `reset`). */
  onRetry?: () => void;
  retryLabel?: string;
  titleAs?: HeadingLevel;
};

/** A failed load or action. Announced immediately (role="alert"). */
export function ErrorState({
  title,
  description,
  onRetry,
  retryLabel,
  titleAs: Heading = "h2",
  className,
  ...props
}: ErrorStateProps) {
  return (
    <div
      data-slot="error-state"
      role="alert"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-destructive/30 bg-destructive/5 px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      <TriangleAlert aria-hidden="true" className="size-8 text-destructive" />
      <Heading className="text-base font-semibold">{title}</Heading>
      {description ? <p className="max-w-md text-sm text-muted-foreground">{description}</p> : null}
      {onRetry && retryLabel ? (
        <Button variant="outline" onClick={onRetry} className="mt-2">
          <RotateCw aria-hidden="true" />
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}

export type LoadingStateProps = ComponentProps<"div"> & {
  /** Visible and announced text ("Loading cases…"). */
  label: string;
};

export function LoadingState({ label, className, ...props }: LoadingStateProps) {
  return (
    <div
      data-slot="loading-state"
      role="status"
      className={cn(
        "flex items-center justify-center gap-3 px-6 py-12 text-sm text-muted-foreground",
        className,
      )}
      {...props}
    >
      <Spinner className="size-5" />
      <span>{label}</span>
    </div>
  );
}

export type PageHeaderProps = Omit<ComponentProps<"header">, "title"> & {
  /** The page's h1. */
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links at the right (stacked below on small screens). */
  actions?: ReactNode;
};

export function PageHeader({
  title,
  description,
  actions,
  className,
  children,
  ...props
}: PageHeaderProps) {
  return (
    <header
      data-slot="page-header"
      className={cn(
        "flex flex-col gap-4 pb-6 sm:flex-row sm:items-start sm:justify-between",
        className,
      )}
      {...props}
    >
      <div className="flex min-w-0 flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
        {children}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
