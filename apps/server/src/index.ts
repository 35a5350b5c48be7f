export { buildApp, type PlaygroundApp } from './app';
export { parseHost } from './host';
export { startServer, type RunningServer } from './listen';
export { DEFAULT_CONFIG, resolveConfig, type ServerConfig, type ServerOptions } from './config';
export { SandboxStore, type Sandbox, type SandboxEvent } from './sandbox-store';
export { parseServerOptions, SERVER_OPTIONS_USAGE, type ParsedServerOptions } from './options';
