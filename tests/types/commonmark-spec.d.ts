declare module 'commonmark-spec' {
  const spec: { text: string; tests: { markdown: string; html: string; example: number; section: string }[] };
  export default spec;
}
