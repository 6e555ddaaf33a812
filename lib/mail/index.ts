export * from "./ports";
export * from "./properties";
export * from "./tls";
