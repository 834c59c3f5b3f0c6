// Name and place lists for the benchmark data generator. Family names are roughly in order of how
// common they are in England and Wales, so the generator can weight them (Smith far more often
// than Zieliński), which makes searches like `q=son` match a realistic share of people.

export const FAMILY_NAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
  'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill',
  'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen',
  'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths',
  'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy',
  'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh',
  'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali',
  'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight',
  'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey',
  'Graham', 'Pearson', 'Ahmed', 'Fletcher', 'Walsh', 'Kaur', 'Gibson', 'Howard', 'Andrews', 'Stewart',
  'Elliott', 'Reynolds', 'Saunders', 'Payne', 'Fox', 'Ford', 'Pearce', 'Day', 'Brooks', 'West',
  'Lawrence', 'Cole', 'Atkinson', 'Bradley', 'Spencer', 'Gill', 'Dawson', 'Ball', 'Burton', "O'Brien",
  'Watts', 'Rose', 'Booth', 'Perry', 'Ryan', 'Grant', 'Wells', 'Armstrong', 'Francis', 'Rees',
  'Hayes', 'Hart', 'Hudson', 'Newman', 'Barrett', 'Webster', 'Hunter', 'Gregory', 'Carr', 'Lowe',
  'Page', 'Marsh', 'Riley', 'Dunn', 'Woods', 'Parsons', 'Berry', 'Stone', 'Reid', 'Holland',
  'Hawkins', 'Harding', 'Porter', 'Robertson', 'Newton', 'Oliver', 'Reed', 'Kennedy', 'Williamson', 'Bird',
  'Gardner', 'Shah', 'Dean', 'Lane', 'Cooke', 'Bates', 'Henderson', 'Parry', 'Burgess', 'Bishop',
  'Walton', 'Burns', 'Nicholson', 'Shepherd', 'Ross', 'Cross', 'Long', 'Freeman', 'Warren', 'Nicholls',
  'Hamilton', 'Byrne', 'Sutton', 'McDonald', 'Yates', 'Hodgson', 'Robson', 'Curtis', 'Hopkins', "O'Connor",
  'Harper', 'Coleman', 'Watkins', 'Moss', 'McCarthy', 'Chambers', "O'Neill", 'Griffin', 'Sharp', 'Hardy',
  'Wheeler', 'Potter', 'Osborne', 'Johnston', 'Gordon', 'Doyle', 'Wallace', 'George', 'Jordan', 'Hutchinson',
  'Rowe', 'Burke', 'May', 'Pritchard', 'Gilbert', 'Willis', 'Higgins', 'Read', 'Miah', 'Choudhury',
  'Islam', 'Uddin', 'Rahman', 'Iqbal', 'Mahmood', 'Akhtar', 'Sharma', 'Kumar', 'Mistry', 'Okafor',
  'Mensah', 'Osei', 'Adeyemi', 'Asante', 'Boateng', 'Owusu', 'Nwosu', 'Okonkwo', 'Nguyen', 'Chen',
  'Wong', 'Silva', 'Santos', 'Pereira', 'Costa', 'Nowak', 'Kowalski', 'Zieliński', 'Novak', 'Lindqvist',
  'MacLeod', 'Fraser', 'Sinclair', 'Lindsay', 'Ferguson', 'Duncan', 'Quinn', 'Kavanagh', 'Brennan', 'Gallagher',
];

export const GIVEN_NAMES = [
  'Oliver', 'Amelia', 'Jack', 'Olivia', 'Harry', 'Isla', 'George', 'Emily', 'Charlie', 'Ava',
  'Thomas', 'Jessica', 'James', 'Sophie', 'William', 'Grace', 'Daniel', 'Lily', 'Joshua', 'Chloe',
  'Samuel', 'Ella', 'Joseph', 'Mia', 'Benjamin', 'Lucy', 'Matthew', 'Hannah', 'David', 'Charlotte',
  'Michael', 'Sarah', 'Andrew', 'Emma', 'Richard', 'Laura', 'Christopher', 'Rebecca', 'Mark', 'Rachel',
  'Paul', 'Claire', 'Peter', 'Helen', 'Stephen', 'Louise', 'John', 'Nicola', 'Robert', 'Katherine',
  'Simon', 'Victoria', 'Jonathan', 'Elizabeth', 'Adam', 'Gemma', 'Luke', 'Jennifer', 'Ryan', 'Amy',
  'Liam', 'Zoe', 'Nathan', 'Megan', 'Callum', 'Bethany', 'Connor', 'Eleanor', 'Aaron', 'Abigail',
  'Gareth', 'Siobhan', 'Rhys', 'Ffion', 'Dylan', 'Niamh', 'Sean', 'Aoife', 'Ewan', 'Eilidh',
  'Mohammed', 'Aisha', 'Imran', 'Fatima', 'Ahmed', 'Zainab', 'Yusuf', 'Maryam', 'Omar', 'Amina',
  'Hamza', 'Sana', 'Bilal', 'Noor', 'Tariq', 'Farah', 'Raj', 'Priya', 'Sanjay', 'Anjali',
  'Arjun', 'Neha', 'Vikram', 'Kavita', 'Harpreet', 'Simran', 'Kwame', 'Ama', 'Kofi', 'Abena',
  'Chinedu', 'Ngozi', 'Tunde', 'Folake', 'Emeka', 'Chioma', 'Marek', 'Agnieszka', 'Piotr', 'Katarzyna',
  'Tomasz', 'Magdalena', 'Andrei', 'Ioana', 'Luca', 'Giulia', 'Mateo', 'Sofia', 'Wei', 'Mei',
  'Minh', 'Linh', 'Jason', 'Allison', 'Madison', 'Gary', 'Karen', 'Neil', 'Julie', 'Ian',
  'Alison', 'Kevin', 'Donna', 'Dean', 'Joanne', 'Craig', 'Kelly', 'Lee', 'Tracey', 'Darren',
  'Jade', 'Kieran', 'Chantelle', 'Shaun', 'Lauren', 'Toby', 'Poppy', 'Freddie', 'Phoebe', 'Alfie',
];

/** Places for school names and domains. */
export const PLACES = [
  'Ashford', 'Beckside', 'Birchwood', 'Bramley', 'Brookfield', 'Castleton', 'Chapel Allerton', 'Clayton', 'Copperfield', 'Cranbrook',
  'Daleside', 'Eastfield', 'Elmwood', 'Fairfield', 'Fernhill', 'Foxhill', 'Garforth', 'Glenfield', 'Greenhead', 'Hawthorn',
  'Headingley', 'Heathcote', 'Highfield', 'Hillside', 'Holmewood', 'Horsforth', 'Kirkstall', 'Lakeside', 'Lindley', 'Longmoor',
  'Maple Grove', 'Meadowbank', 'Millbrook', 'Moorside', 'Netherfield', 'Northgate', 'Oakwood', 'Parkside', 'Pinewood', 'Priory',
  'Queensbury', 'Redhill', 'Riverside', 'Rosehill', 'Roundhay', 'St Aidan’s', 'St Bede’s', 'St Hilda’s', 'Southfield', 'Stanningley',
  'Thornhill', 'Valley View', 'Westbrook', 'Whitecliffe', 'Willowbank', 'Woodhouse', 'Wyke', 'Yeadon',
];

export const TOWNS = ['Leeds', 'Bradford', 'Wakefield', 'Huddersfield', 'Halifax', 'Harrogate', 'York', 'Dewsbury'];

export const SECONDARY_SUBJECTS = ['English', 'Mathematics', 'Science', 'History', 'Geography', 'Modern Foreign Languages', 'Art and Design', 'Music', 'Physical Education', 'Computing', 'Design and Technology', 'Religious Education'];
