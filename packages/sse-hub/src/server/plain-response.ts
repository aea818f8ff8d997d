/**
 * The multiplexer's non-streaming answers, as plain data that each adapter turns into
 * its own kind of response.
 */

export interface PlainResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // Subscription results and errors are about one connection, never reusable.
  'cache-control': 'no-store',
};

export function jsonResponse(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): PlainResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value) };
}

/** Errors are JSON too, so the hub can show the reason without guessing the format. */
export function errorResponse(status: number, message: string, headers: Readonly<Record<string, string>> = {}): PlainResponse {
  return jsonResponse(status, { error: message }, headers);
}
