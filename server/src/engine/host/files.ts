/** File names the tool owns (SPEC section 2). */
export const PRODUCTTEAM_FILE_GLOBS = ['*.productteam.yaml', '*.productteam.yml', '.productteam.yaml'];

export function isProductTeamFile(fileName: string): boolean {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return base === '.productteam.yaml' || base.endsWith('.productteam.yaml') || base.endsWith('.productteam.yml');
}
