declare module 'virtual:gov-registry/settings' {
  const settings: import('./settings.ts').SiteSettings;
  export default settings;
}
