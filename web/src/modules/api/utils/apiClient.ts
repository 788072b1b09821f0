import createClient, {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
} from 'openapi-fetch';
import { ApiError } from './ApiError.ts';
import type { paths } from './openapi.gen.ts';
import { UNAUTHENTICATED_EVENT } from './unauthenticatedEvent.ts';

const BASE_URL = '/api';

/** The API's paths without their `/api` prefix, as call sites write them: `'/parks/{id}'`. */
export type ApiPaths = {
  [Path in keyof paths as Path extends `/api${infer Rest}` ? Rest : never]: paths[Path];
};

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that answer `method`, e.g. every path with a GET. */
export type ApiPathWith<Method extends HttpMethod> = {
  [Path in keyof ApiPaths]: ApiPaths[Path] extends Record<Method, object> ? Path : never;
}[keyof ApiPaths];

type Outcome = { data?: unknown; error?: unknown; response: Response };
/** What a successful call answers: the 2xx body, or undefined for a body-less 204. */
type Success<R extends Outcome> = [Exclude<R['data'], undefined>] extends [never]
  ? undefined
  : Exclude<R['data'], undefined>;

const client = createClient<ApiPaths>({ baseUrl: BASE_URL, credentials: 'same-origin' });

client.use({
  onError({ error, request }) {
    // An abort is the caller's wish, not a failure: let it through unchanged.
    if (request.signal.aborted) return undefined;
    return new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  },
});

function failure(status: number, statusText: string, payload: unknown): ApiError {
  const body: { error?: unknown } = typeof payload === 'object' && payload !== null ? payload : {};
  const error: { code?: unknown; message?: unknown; details?: unknown } =
    typeof body.error === 'object' && body.error !== null ? body.error : {};
  return new ApiError(
    status,
    // The error body is the documented one; its code is one of the server's ErrorCodes.
    typeof error.code === 'string' ? (error.code as ApiError['code']) : 'INTERNAL',
    typeof error.message === 'string' ? error.message : statusText,
    error.details,
  );
}

/**
 * Turns an openapi-fetch method into one that answers the 2xx body or throws ApiError (and
 * announces a 401, so the app shows the login page). Generic methods stay generic: the path and
 * its parameters decide the answer's type.
 */
function throwing<A extends unknown[], R extends Outcome>(
  method: (...args: A) => Promise<R>,
): (...args: A) => Promise<Success<R>> {
  return async (...args) => {
    const { data, error, response } = await method(...args);
    if (!response.ok) {
      if (response.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
      throw failure(response.status, response.statusText, error);
    }
    // The 2xx branch of openapi-fetch's answer: its data is the documented success body.
    return data as Success<R>;
  };
}

/**
 * The typed chainlead API: `api.GET('/parks/{id}', { params: { path: { id } } })` answers the
 * park as the OpenAPI document declares it, with the session cookie; failures throw ApiError.
 */
export const api = {
  GET: throwing(client.GET),
  POST: throwing(client.POST),
  PUT: throwing(client.PUT),
  PATCH: throwing(client.PATCH),
  DELETE: throwing(client.DELETE),
};

/** A GET to run later, e.g. by useApiQuery: its key changes whenever the path or params do. */
export interface ApiGetRequest<T> {
  key: string;
  run: (signal: AbortSignal) => Promise<T>;
}

function paramsOf(init: unknown): unknown {
  return typeof init === 'object' && init !== null && 'params' in init ? init.params : null;
}

function described<A extends unknown[], R>(
  method: (...args: A) => Promise<R>,
): (...args: A) => ApiGetRequest<R> {
  return (...args) => ({
    key: JSON.stringify([args[0], paramsOf(args[1])]),
    run: (signal) => {
      const [path, init] = args;
      const withSignal = { ...(typeof init === 'object' ? init : {}), signal };
      // The same arguments, plus the signal every GET accepts.
      return method(...([path, withSignal] as unknown as A));
    },
  });
}

/** Describes a typed GET for useApiQuery: `apiGet('/parks/{id}', { params: { path: { id } } })`. */
export const apiGet = described(api.GET);

type GetParams<Path extends ApiPathWith<'get'>> = ApiPaths[Path] extends {
  get: { parameters: infer P };
}
  ? Pick<P, Extract<keyof P, 'path' | 'query'>>
  : never;

/** The query parameters a GET of `Path` takes, e.g. `ApiQueryOf<'/enterprises'>`. */
export type ApiQueryOf<Path extends ApiPathWith<'get'>> = NonNullable<
  GetParams<Path> extends { query?: infer Query } ? Query : never
>;

const querySerializer = createQuerySerializer();

/** The parameters argument: optional when the path needs none. */
type ParamsArg<Params> = object extends Params ? [params?: Params] : [params: Params];

/**
 * The URL of a GET for a link or a download, e.g.
 * `apiUrl('/enterprises/export.xlsx', { query: { region: '3202' } })`.
 */
export function apiUrl<Path extends ApiPathWith<'get'>>(
  path: Path,
  ...[params]: ParamsArg<GetParams<Path>>
): string {
  const { path: pathParams, query } = (params ?? {}) as {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
  };
  return createFinalURL(path, {
    baseUrl: BASE_URL,
    params: { path: pathParams, query },
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
}

/**
 * A multipart body from the typed fields of an upload, for `bodySerializer`. The field "file" goes
 * last whatever the object's key order: the server reads the form as it streams in and refuses a
 * field that comes after the file.
 */
export function asFormData(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  const entries = Object.entries(fields);
  const ordered = [
    ...entries.filter(([name]) => name !== 'file'),
    ...entries.filter(([name]) => name === 'file'),
  ];
  for (const [name, value] of ordered) {
    if (value instanceof Blob) form.append(name, value);
    else if (typeof value === 'string') form.append(name, value);
    else if (typeof value === 'number' || typeof value === 'boolean') form.append(name, `${value}`);
  }
  return form;
}
