export { buildApp, parseHost, type PlaygroundApp } from './app';
export { startServer, type RunningServer } from './listen';
export { DEFAULT_CONFIG, resolveConfig, type ServerConfig, type ServerOptions } from './config';
export { SandboxStore, type Sandbox, type SandboxEvent } from './sandbox-store';
export { parseServerOptions, SERVER_OPTIONS_USAGE, type ParsedServerOptions } from './options';
