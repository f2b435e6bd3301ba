/** vnu-jar's main export: the path of vnu.jar (a String object, so String() it before use). */
declare module "vnu-jar" {
  const jarPath: string;
  export default jarPath;
}
