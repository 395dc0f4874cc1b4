/**
 * Types of the opencc-js dictionary modules the normaliser imports one by one (the package's
 * `./*` export has no declarations): each is a serialised dictionary string.
 */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
