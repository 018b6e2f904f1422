export * from "./account-types.ts";
export { type ApiClient, type ApiClientOptions, createApiClient } from "./client.ts";
export * from "./episodes.ts";
export { ApiError, indexOfPath, isRetryable, NetworkError } from "./errors.ts";
export * from "./records-types.ts";
export * from "./types.ts";
