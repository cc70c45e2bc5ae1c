/**
 * Runs before first paint so a dark-mode reader never sees a white flash:
 * the stored choice wins, otherwise the system setting.
 */
export const THEME_STORAGE_KEY = 'rtc-doctor-theme';

export const themeScript = `(function(){try{var s=localStorage.getItem('${THEME_STORAGE_KEY}');var d=s==='dark'||(s!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;
