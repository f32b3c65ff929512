import { createNextConfig } from "@truce/ui/next-config";

export default createNextConfig();
