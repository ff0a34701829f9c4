declare module '*.css';
// The chart worker's address (vite.config.ts).
declare module 'virtual:render-worker' {
  const url: string;
  export default url;
}
