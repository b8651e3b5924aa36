/** Loads vis-timeline 8.5.4's stylesheet and standalone bundle, for the side-by-side benchmarks. */
export async function loadVisTimeline<T>(): Promise<T> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css';
  document.head.append(link);
  await new Promise((r) => link.addEventListener('load', r, { once: true }));
  // The standalone bundle carries vis-data's DataSet; its typings do not say so.
  return (await import('vis-timeline/standalone')) as unknown as T;
}
