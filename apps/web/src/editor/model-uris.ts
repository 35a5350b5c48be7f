/** The models' URIs: the JSON schema attaches to the servers model, the helper typings to JavaScript. */
export const SERVERS_MODEL_URI = 'file:///scenario.json';
export const CLIENT_MODEL_URI = 'file:///client.js';
