// `user` first: it and ./columns import each other (see columns.ts).
// The column helpers stay internal: callers need the tables, not how they are built.
export * from "./user";
export * from "./enums";
export * from "./agency";
export * from "./membership";
export * from "./individual";
export * from "./assignment";
export * from "./group";
export * from "./alliance";
export * from "./conflict";
export * from "./incident";
export * from "./intervention";
export * from "./referral";
export * from "./consent";
export * from "./outcome";
export * from "./individual-milestone";
export * from "./intervention-month";
export * from "./conflict-month";
export * from "./register-count";
export * from "./note";
export * from "./task";
export * from "./flag";
export * from "./access-log";
export * from "./platform-setting";
export * from "./two-factor";
export * from "./sign-in-throttle";
export * from "./revoked-session";
