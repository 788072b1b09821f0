/**
 * The web page listing a scorecard figure's records, from the `link` the API gives it: the API
 * names /projects and /supervision, which the web app shows at /investment/projects and in the
 * 督办 tab of /leader; every other link (/problems, /chain-map) is already a web route.
 */
export function figureRoute(link: string): string {
  const [path = '', query = ''] = link.split('?', 2);
  const params = new URLSearchParams(query);
  switch (path) {
    case '/projects':
      return withQuery('/investment/projects', params);
    case '/supervision':
      params.set('tab', 'supervision');
      return withQuery('/leader', params);
    case '/leader':
      params.set('tab', 'activities');
      return withQuery('/leader', params);
    default:
      return link;
  }
}

function withQuery(path: string, params: URLSearchParams): string {
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
