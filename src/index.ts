/** The public API of studyguide. The CLI is built on exactly these functions. */
export { buildGuides, checkGuides } from './build.js';
export type { BuildOptions, CommonOptions, BuildEvent, GuideReport, RunReport } from './build.js';
export { formatDiagnostic, StudyguideError, UsageError, ExitCode } from './diagnostics.js';
export type { Diagnostic, Position, Severity } from './diagnostics.js';
export { findBrowser } from './browser/find.js';
export type { FoundBrowser, FindOptions } from './browser/find.js';
export { loadGuide } from './guide.js';
export type { Guide, GuideMeta } from './guide.js';
export type { Edition } from './html.js';
export { defineConfig, loadConfig } from './config.js';
export type { StudyguideConfig, ResolvedConfig } from './config.js';
export type { Theme } from './theme.js';
export { Printer } from './browser/printer.js';
