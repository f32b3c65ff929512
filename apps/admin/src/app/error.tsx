"use client";

export { ErrorPage as default } from "@truce/ui/error-page";
