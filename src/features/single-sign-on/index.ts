// Single sign-on offers nothing to other features: it joins the app through its module (routes and sign-in buttons).
export {};
