/**
 * The app's empty frame while it starts (the stored language and theme, the first page's code):
 * the same markup as the frame in index.html, which the browser paints before any script runs, so
 * React's first render keeps it on screen instead of blanking the window until the shell is ready.
 * The product name is the only text: it is the same in every language.
 */
export function StartFrame() {
  return (
    <div className="shell" aria-busy="true">
      <header className="topbar">
        <span className="brand">Fieldbench</span>
      </header>
      <nav className="sidenav" />
      <main />
      <footer className="statusbar" />
    </div>
  );
}
