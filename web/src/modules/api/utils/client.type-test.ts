// Compile-time checks of the typed client: `npm run typecheck` fails if one of them stops
// holding. Nothing imports this file, so it is never bundled or run.
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { api, apiGet, apiUrl } from './apiClient.ts';

/** Answers are the contract's types: known fields read, unknown ones refused (not `any`). */
export async function answersHaveTheContractTypes(id: number): Promise<string[]> {
  const park = await api.GET('/parks/{id}', { params: { path: { id } } });
  // @ts-expect-error the API returns no such field; were the answer `any`, this would compile
  const missing: unknown = park.notAField;
  const health = await api.GET('/health');
  // @ts-expect-error status is the literal 'ok', not any string or number
  const status: number = health.status;
  return [park.name, String(missing), String(status)];
}

/** Paths, parameters and bodies are checked against the document. */
export async function requestsAreChecked(id: number): Promise<void> {
  // @ts-expect-error no such path
  await api.GET('/parkz');
  // @ts-expect-error call sites leave out the /api prefix the client adds
  await api.GET('/api/parks');
  // @ts-expect-error the park's id is a required path parameter
  await api.GET('/parks/{id}');
  // @ts-expect-error the id is a number
  await api.GET('/parks/{id}', { params: { path: { id: String(id) } } });
  // @ts-expect-error a login needs a password
  await api.POST('/auth/login', { body: { username: 'admin' } });
  // @ts-expect-error parks are not deleted through the API
  await api.DELETE('/parks/{id}', { params: { path: { id } } });
}

/** Links take the query parameters the document lists, no others. */
export function urlsAreChecked(): string[] {
  return [
    apiUrl('/enterprises/export.xlsx', { query: { region: '3202' } }),
    // @ts-expect-error the export takes no page
    apiUrl('/enterprises/export.xlsx', { query: { page: 2 } }),
    // @ts-expect-error the import's id is a required path parameter
    apiUrl('/imports/{id}/errors.csv'),
    apiUrl('/imports/{id}/errors.csv', { path: { id: 1 } }),
  ];
}

/** useApiQuery's data is the answer of the GET it runs. */
export function useQueryDataIsTyped(): number | undefined {
  const parks = useApiQuery(apiGet('/parks'));
  // @ts-expect-error a park list has items, not parks
  const wrong: unknown = parks.data?.parks;
  return wrong === undefined ? parks.data?.items.length : undefined;
}
