"use client";

import { useRouter } from "next/navigation";
import { Button, ChoiceMenu } from "@truce/ui";
import { setPurpose } from "~/app/actions";

interface PurposeProps {
  label: string;
  placeholder: string;
  options: { value: string; label: string }[];
  value: string | null;
}

async function choose(router: ReturnType<typeof useRouter>, purpose: string) {
  await setPurpose(purpose);
  // Server components read the purpose from the request: render them again with it.
  router.refresh();
}

/** The header control: the purpose every profile read of this session is logged with. */
export function PurposeMenu(props: PurposeProps) {
  const router = useRouter();
  return <ChoiceMenu {...props} data-testid="purpose-menu" onChange={(p) => choose(router, p)} />;
}

/** Asked before the first profile of a session opens. */
export function PurposeChooser({ options }: Pick<PurposeProps, "options">) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap gap-2">
      {options.map((o) => (
        <Button key={o.value} variant="outline" onClick={() => void choose(router, o.value)}>
          {o.label}
        </Button>
      ))}
    </div>
  );
}
