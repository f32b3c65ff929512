export { NotFoundPage as default } from "@truce/ui/pages";
