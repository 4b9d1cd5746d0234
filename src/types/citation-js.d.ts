// The parts of citation-js that studyguide uses; the package ships no types.
declare module '@citation-js/core' {
  export const plugins: {
    input: { chain(data: unknown, options?: { target?: string; generateGraph?: boolean; forceType?: string }): unknown };
    config: { get(name: string): unknown };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
