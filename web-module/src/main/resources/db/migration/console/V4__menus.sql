-- The site's menus (console, Apparence → Menus): the header's and the footer's items in order.
-- Same script for H2 2.x and PostgreSQL.
--
-- An item of depth 1 is a sub-item of the nearest item of depth 0 before it: one level of
-- sub-items, and no loop is possible. A menu is saved whole (its rows deleted and written again in
-- one transaction). A menu never saved has no rows and no console_setting 'menu.<name>': the site
-- then shows its default (the header: home, the top sections, the archives).
CREATE TABLE console_menu_item (
    menu      VARCHAR(10)  NOT NULL,
    position  INTEGER      NOT NULL,
    depth     SMALLINT     NOT NULL,
    kind      VARCHAR(10)  NOT NULL,
    target    VARCHAR(500) NOT NULL,
    label     VARCHAR(100) NOT NULL,
    CONSTRAINT console_menu_item_pk PRIMARY KEY (menu, position),
    CONSTRAINT console_menu_item_depth_ck CHECK (depth IN (0, 1))
);
