// The part of autocannon 8's programmatic API the Mamori benchmarks use (the package ships no types).
declare module "autocannon" {
  import type { IncomingHttpHeaders } from "node:http";

  export type RequestParams = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  };

  export type Request = RequestParams & {
    /** Called before each request is written; returns the request to send. */
    setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams;
    /** Called with each complete response. */
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: IncomingHttpHeaders,
    ) => void;
  };

  /** One connection of the load generator. */
  export type Client = {
    setRequests(requests: Request[]): void;
    on(event: "response", listener: (status: number, bytes: number, durationMs: number) => void): void;
  };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    pipelining?: number;
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupClient?: (client: Client) => void;
  };

  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  };

  export type Result = {
    duration: number;
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    "1xx": number;
    "2xx": number;
    "3xx": number;
    "4xx": number;
    "5xx": number;
    statusCodeStats: Record<string, { count: number }>;
  };

  export type Instance = PromiseLike<Result> & { stop(): void };

  export default function autocannon(options: Options): Instance;
}
